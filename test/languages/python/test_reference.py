"""The reference stack written the way a Python CDK user writes it, checked against the TypeScript twin.

run.sh writes the twin's output (test/languages/reference-stack.ts) to $REFERENCE_DIR and installs the
wheel jsii-pacmak built from this project into test/languages/python/.venv.
"""
import json
import os
from pathlib import Path

import aws_cdk as cdk
import pytest
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_kinesis as kinesis
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sqs as sqs
from aws_cdk.aws_lambda_event_sources import SqsDlq
from cdk_stream_event_source_mapping import StreamEventSourceMapping, StreamSource, StreamSourceKind

os.environ["CDK_VALIDATION"] = "false"

REFERENCE_DIR = Path(os.environ.get("REFERENCE_DIR", Path(__file__).parents[3] / "dist" / "languages"))
ENV = cdk.Environment(account="123456789012", region="us-east-1")


def new_stack(app: cdk.App, stack_id: str) -> cdk.Stack:
    return cdk.Stack(
        app,
        stack_id,
        env=ENV,
        synthesizer=cdk.DefaultStackSynthesizer(generate_bootstrap_version_rule=False),
    )


def new_handler(stack: cdk.Stack) -> lambda_.Function:
    return lambda_.Function(
        stack,
        "Handler",
        runtime=lambda_.Runtime.NODEJS_22_X,
        handler="index.handler",
        code=lambda_.Code.from_inline("exports.handler = async () => {};"),
    )


def reference_stack():
    app = cdk.App()
    stack = new_stack(app, "ReferenceStack")
    handler = new_handler(stack)
    batch_size = cdk.CfnParameter(stack, "BatchSize", type="Number", default=100)

    stream = kinesis.Stream(stack, "Orders", shard_count=1)
    dlq = sqs.Queue(stack, "Dlq")
    mapping = StreamEventSourceMapping(
        stack,
        "OrdersMapping",
        target=handler,
        source=StreamSource.kinesis(stream),
        starting_position=lambda_.StartingPosition.AT_TIMESTAMP,
        starting_position_timestamp=1767225600,
        batch_size=batch_size.value_as_number,
        retry_attempts=3,
        max_record_age=cdk.Duration.hours(1),
        on_failure=SqsDlq(dlq),
        filters=[lambda_.FilterCriteria.filter({"data": {"type": lambda_.FilterRule.is_equal("order")}})],
    )

    consumer = kinesis.StreamConsumer(stack, "OrdersConsumer", stream=stream, stream_consumer_name="orders-consumer")
    StreamEventSourceMapping(
        stack,
        "ConsumerMapping",
        target=handler,
        source=StreamSource.kinesis_consumer(consumer),
        starting_position=lambda_.StartingPosition.LATEST,
        bisect_batch_on_error=True,
    )

    table = dynamodb.Table(
        stack,
        "Table",
        partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
        stream=dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
    )
    StreamEventSourceMapping(
        stack,
        "TableMapping",
        target=handler,
        source=StreamSource.dynamo_db(table),
        starting_position=lambda_.StartingPosition.TRIM_HORIZON,
        max_batching_window=cdk.Duration.seconds(5),
        report_batch_item_failures=True,
    )
    StreamEventSourceMapping(
        stack,
        "ImportedTableMapping",
        target=handler,
        source=StreamSource.from_dynamo_db_stream_arn(
            "arn:aws:dynamodb:us-east-1:123456789012:table/Legacy/stream/2026-01-01T00:00:00.000"
        ),
        starting_position=lambda_.StartingPosition.LATEST,
    )

    cdk.CfnOutput(stack, "OrdersMappingId", value=mapping.event_source_mapping_id)
    return app, stack, mapping


def test_template_equals_typescript_twin():
    expected = json.loads((REFERENCE_DIR / "reference.template.json").read_text())
    app, _, _ = reference_stack()
    template = app.synth().get_stack_by_name("ReferenceStack").template
    assert template == expected


def test_at_timestamp_on_dynamodb_stream_raises_esm103_with_construct_path():
    expected_message = (REFERENCE_DIR / "bad-stack.error.txt").read_text()
    app = cdk.App()
    stack = new_stack(app, "BadStack")
    table = dynamodb.Table(
        stack,
        "Table",
        partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
        stream=dynamodb.StreamViewType.NEW_IMAGE,
    )
    StreamEventSourceMapping(
        stack,
        "TableMapping",
        target=new_handler(stack),
        source=StreamSource.dynamo_db(table),
        starting_position=lambda_.StartingPosition.AT_TIMESTAMP,
        starting_position_timestamp=1767225600,
    )
    with pytest.raises(RuntimeError) as raised:
        app.synth()
    assert type(raised.value) is RuntimeError  # jsii raises a plain RuntimeError for errors thrown in JavaScript
    message = str(raised.value)
    assert "[BadStack/TableMapping] ESM103: startingPosition (StartingPosition) is not supported for a DynamoDB stream" in message
    assert expected_message in message


def test_event_source_mapping_id_resolves_to_ref():
    app, stack, mapping = reference_stack()
    logical_id = stack.get_logical_id(mapping.node.default_child)
    assert logical_id == "OrdersMapping2D533D0F"
    assert cdk.Token.is_unresolved(mapping.event_source_mapping_id)
    assert stack.resolve(mapping.event_source_mapping_id) == {"Ref": logical_id}
    assert mapping.source.kind == StreamSourceKind.KINESIS_STREAM
    outputs = app.synth().get_stack_by_name("ReferenceStack").template["Outputs"]
    assert outputs == {"OrdersMappingId": {"Value": {"Ref": logical_id}}}
