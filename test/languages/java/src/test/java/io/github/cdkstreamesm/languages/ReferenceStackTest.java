package io.github.cdkstreamesm.languages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdkstreamesm.StreamEventSourceMapping;
import io.github.cdkstreamesm.StreamSource;
import io.github.cdkstreamesm.StreamSourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Token;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.kinesis.StreamConsumer;
import software.amazon.awscdk.services.lambda.CfnEventSourceMapping;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.FilterCriteria;
import software.amazon.awscdk.services.lambda.FilterRule;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sqs.Queue;

/** The reference stack written the way a Java CDK user writes it, checked against the TypeScript twin. */
class ReferenceStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where run.sh wrote the TypeScript twin's output (test/languages/reference-stack.ts). */
    private static Path referenceDir() {
        String dir = System.getenv("REFERENCE_DIR");
        return dir != null ? Path.of(dir) : Path.of("..", "..", "..", "dist", "languages");
    }

    private static Stack newStack(App app, String id) {
        return new Stack(app, id, StackProps.builder()
                .env(Environment.builder().account("123456789012").region("us-east-1").build())
                .synthesizer(DefaultStackSynthesizer.Builder.create().generateBootstrapVersionRule(false).build())
                .build());
    }

    private static Function newHandler(Stack stack) {
        return Function.Builder.create(stack, "Handler")
                .runtime(Runtime.NODEJS_22_X)
                .handler("index.handler")
                .code(Code.fromInline("exports.handler = async () => {};"))
                .build();
    }

    private record Reference(App app, Stack stack, StreamEventSourceMapping mapping) {}

    private static Reference referenceStack() {
        App app = new App();
        Stack stack = newStack(app, "ReferenceStack");
        Function handler = newHandler(stack);
        CfnParameter batchSize = CfnParameter.Builder.create(stack, "BatchSize").type("Number").defaultValue(100).build();

        software.amazon.awscdk.services.kinesis.Stream stream =
                software.amazon.awscdk.services.kinesis.Stream.Builder.create(stack, "Orders").shardCount(1).build();
        Queue dlq = new Queue(stack, "Dlq");
        StreamEventSourceMapping mapping = StreamEventSourceMapping.Builder.create(stack, "OrdersMapping")
                .target(handler)
                .source(StreamSource.kinesis(stream))
                .startingPosition(StartingPosition.AT_TIMESTAMP)
                .startingPositionTimestamp(1767225600)
                .batchSize(batchSize.getValueAsNumber())
                .retryAttempts(3)
                .maxRecordAge(Duration.hours(1))
                .onFailure(new SqsDlq(dlq))
                .filters(List.of(FilterCriteria.filter(Map.of("data", Map.of("type", FilterRule.isEqual("order"))))))
                .build();

        StreamConsumer consumer = StreamConsumer.Builder.create(stack, "OrdersConsumer")
                .stream(stream)
                .streamConsumerName("orders-consumer")
                .build();
        StreamEventSourceMapping.Builder.create(stack, "ConsumerMapping")
                .target(handler)
                .source(StreamSource.kinesisConsumer(consumer))
                .startingPosition(StartingPosition.LATEST)
                .bisectBatchOnError(true)
                .build();

        Table table = Table.Builder.create(stack, "Table")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .stream(StreamViewType.NEW_AND_OLD_IMAGES)
                .build();
        StreamEventSourceMapping.Builder.create(stack, "TableMapping")
                .target(handler)
                .source(StreamSource.dynamoDb(table))
                .startingPosition(StartingPosition.TRIM_HORIZON)
                .maxBatchingWindow(Duration.seconds(5))
                .reportBatchItemFailures(true)
                .build();
        StreamEventSourceMapping.Builder.create(stack, "ImportedTableMapping")
                .target(handler)
                .source(StreamSource.fromDynamoDbStreamArn(
                        "arn:aws:dynamodb:us-east-1:123456789012:table/Legacy/stream/2026-01-01T00:00:00.000"))
                .startingPosition(StartingPosition.LATEST)
                .build();

        CfnOutput.Builder.create(stack, "OrdersMappingId").value(mapping.getEventSourceMappingId()).build();
        return new Reference(app, stack, mapping);
    }

    /** JSON trees equal, numbers compared by value (jsii hands Java doubles where the twin's file has integers). */
    private static boolean sameJson(JsonNode a, JsonNode b) {
        return a.equals((x, y) -> x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue())
                : x.equals(y) ? 0 : 1, b);
    }

    @Test
    void templateEqualsTypeScriptTwin() throws IOException {
        JsonNode expected = JSON.readTree(referenceDir().resolve("reference.template.json").toFile());
        Reference ref = referenceStack();
        JsonNode actual = JSON.valueToTree(ref.app().synth().getStackByName("ReferenceStack").getTemplate());
        assertTrue(sameJson(expected, actual),
                () -> "template differs from the TypeScript twin:\n" + actual.toPrettyString());
    }

    @Test
    void atTimestampOnDynamoDbStreamThrowsEsm103WithConstructPath() throws IOException {
        String expectedMessage = Files.readString(referenceDir().resolve("bad-stack.error.txt"));
        App app = new App();
        Stack stack = newStack(app, "BadStack");
        Table table = Table.Builder.create(stack, "Table")
                .partitionKey(Attribute.builder().name("pk").type(AttributeType.STRING).build())
                .stream(StreamViewType.NEW_IMAGE)
                .build();
        StreamEventSourceMapping.Builder.create(stack, "TableMapping")
                .target(newHandler(stack))
                .source(StreamSource.dynamoDb(table))
                .startingPosition(StartingPosition.AT_TIMESTAMP)
                .startingPositionTimestamp(1767225600)
                .build();
        RuntimeException thrown = assertThrows(RuntimeException.class, app::synth);
        // jsii throws a plain RuntimeException for errors thrown in JavaScript (JsiiError is for kernel faults).
        assertEquals(RuntimeException.class, thrown.getClass());
        String message = thrown.getMessage();
        assertTrue(message.contains(
                "[BadStack/TableMapping] ESM103: startingPosition (StartingPosition) is not supported for a DynamoDB stream"),
                message);
        assertTrue(message.contains(expectedMessage), () -> "expected\n" + expectedMessage + "\nin\n" + message);
    }

    @Test
    void eventSourceMappingIdResolvesToRef() {
        Reference ref = referenceStack();
        String logicalId = ref.stack().getLogicalId((CfnEventSourceMapping) ref.mapping().getNode().getDefaultChild());
        assertEquals("OrdersMapping2D533D0F", logicalId);
        assertTrue(Token.isUnresolved(ref.mapping().getEventSourceMappingId()));
        assertEquals(Map.of("Ref", logicalId), ref.stack().resolve(ref.mapping().getEventSourceMappingId()));
        assertEquals(StreamSourceKind.KINESIS_STREAM, ref.mapping().getSource().getKind());
        Object outputs = ((Map<?, ?>) ref.app().synth().getStackByName("ReferenceStack").getTemplate()).get("Outputs");
        assertEquals(Map.of("OrdersMappingId", Map.of("Value", Map.of("Ref", logicalId))), outputs);
    }
}
