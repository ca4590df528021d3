"""One Python measurement, in its own process: N event source mappings in one stack, defined from Python.

    python bench/python/bench_app.py <raw|cdklib|ours> <N>

Prints one JSON line: wall and CPU time (this process and the jsii kernel) of construct + synth (the modules, and so the jsii kernel and the
assemblies, are loaded before the clock starts), the peak RSS of this Python process and of the jsii
kernel (the node child process that runs the JavaScript), read from /proc before exit.
The props are the ones bench/measure.js sets for the same variants.
"""
import json
import os
import resource
import shutil
import sys
import tempfile
import time

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_

VARIANT, N = sys.argv[1], int(sys.argv[2])
if VARIANT == "ours":
    from cdk_stream_event_source_mapping import StreamEventSourceMapping, StreamSource

ACCOUNT = "123456789012"
FUNCTION_ARN = f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:bench-consumer"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/bench-consumer-role"


def stream_arn(i: int) -> str:
    return f"arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/bench-{i}"


def l2_props() -> dict:
    return dict(
        starting_position=lambda_.StartingPosition.TRIM_HORIZON,
        batch_size=500,
        max_batching_window=cdk.Duration.seconds(5),
        parallelization_factor=2,
        max_record_age=cdk.Duration.seconds(3600),
        retry_attempts=3,
        bisect_batch_on_error=True,
        report_batch_item_failures=True,
    )


def imported_target(stack: cdk.Stack) -> lambda_.IFunction:
    return lambda_.Function.from_function_attributes(
        stack, "Consumer", function_arn=FUNCTION_ARN,
        role=iam.Role.from_role_arn(stack, "ConsumerRole", ROLE_ARN, mutable=False),
    )


def build(stack: cdk.Stack) -> None:
    if VARIANT == "raw":
        for i in range(N):
            lambda_.CfnEventSourceMapping(
                stack, f"M{i}", function_name="bench-consumer", event_source_arn=stream_arn(i),
                starting_position="TRIM_HORIZON", batch_size=500, maximum_batching_window_in_seconds=5,
                parallelization_factor=2, maximum_record_age_in_seconds=3600, maximum_retry_attempts=3,
                bisect_batch_on_function_error=True, function_response_types=["ReportBatchItemFailures"],
            )
    elif VARIANT == "cdklib":
        target = imported_target(stack)
        for i in range(N):
            lambda_.EventSourceMapping(stack, f"M{i}", target=target, event_source_arn=stream_arn(i), **l2_props())
    elif VARIANT == "ours":
        target = imported_target(stack)
        for i in range(N):
            StreamEventSourceMapping(stack, f"M{i}", target=target,
                                     source=StreamSource.from_kinesis_stream_arn(stream_arn(i)), **l2_props())
    else:
        sys.exit(f"unknown variant {VARIANT}")


def descendants(pid: int) -> list:
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            children = [int(c) for c in open(f"/proc/{pid}/task/{task}/children").read().split()]
        except OSError:
            continue
        for child in children:
            found += [child] + descendants(child)
    return found


def kernel_cpu_ms() -> float:
    """CPU time (user + system) of the jsii kernel so far."""
    ticks = 0
    for pid in descendants(os.getpid()):
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        except (OSError, IndexError, ValueError):
            pass
    return ticks * 1000 / os.sysconf("SC_CLK_TCK")


def kernel_peak_rss_mb() -> float:
    """Peak RSS (VmHWM) of the jsii kernel: the node processes below this one, summed."""
    total = 0.0
    for pid in descendants(os.getpid()):
        try:
            for line in open(f"/proc/{pid}/status"):
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            pass
    return total


outdir = tempfile.mkdtemp(prefix="esm-bench-py-")
try:
    start = time.perf_counter()
    cpu_start = time.process_time() * 1000 + kernel_cpu_ms()
    app = cdk.App(outdir=outdir, context={"@aws-cdk/core:stackResourceLimit": 0})
    stack = cdk.Stack(app, "Bench")
    build(stack)
    assembly = app.synth()
    ms = (time.perf_counter() - start) * 1000
    cpu_ms = time.process_time() * 1000 + kernel_cpu_ms() - cpu_start
    template = assembly.get_stack_by_name("Bench").template
    mappings = sum(1 for r in template.get("Resources", {}).values() if r["Type"] == "AWS::Lambda::EventSourceMapping")
    print(json.dumps({
        "variant": VARIANT, "n": N, "ms": ms, "cpuMs": cpu_ms, "mappings": mappings,
        "kernelMaxRssMB": kernel_peak_rss_mb(),
        "pythonMaxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }), flush=True)
finally:
    shutil.rmtree(outdir, ignore_errors=True)
