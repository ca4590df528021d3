// The reference stack written the way a Go CDK user writes it, checked against the TypeScript twin
// (test/languages/reference-stack.ts), whose output run.sh writes to $REFERENCE_DIR.
package reference

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsdynamodb"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskinesis"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambdaeventsources"
	"github.com/aws/aws-cdk-go/awscdk/v2/awssqs"
	"github.com/aws/jsii-runtime-go"
	"github.com/example/cdk-stream-event-source-mapping-go/cdkstreamesm"
)

func init() {
	os.Setenv("CDK_VALIDATION", "false")
}

func referenceDir() string {
	if dir := os.Getenv("REFERENCE_DIR"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "..", "dist", "languages")
}

func newStack(app awscdk.App, id string) awscdk.Stack {
	return awscdk.NewStack(app, jsii.String(id), &awscdk.StackProps{
		Env: &awscdk.Environment{Account: jsii.String("123456789012"), Region: jsii.String("us-east-1")},
		Synthesizer: awscdk.NewDefaultStackSynthesizer(&awscdk.DefaultStackSynthesizerProps{
			GenerateBootstrapVersionRule: jsii.Bool(false),
		}),
	})
}

func newHandler(stack awscdk.Stack) awslambda.Function {
	return awslambda.NewFunction(stack, jsii.String("Handler"), &awslambda.FunctionProps{
		Runtime: awslambda.Runtime_NODEJS_22_X(),
		Handler: jsii.String("index.handler"),
		Code:    awslambda.Code_FromInline(jsii.String("exports.handler = async () => {};")),
	})
}

func referenceStack() (awscdk.App, awscdk.Stack, cdkstreamesm.StreamEventSourceMapping) {
	app := awscdk.NewApp(nil)
	stack := newStack(app, "ReferenceStack")
	handler := newHandler(stack)
	batchSize := awscdk.NewCfnParameter(stack, jsii.String("BatchSize"), &awscdk.CfnParameterProps{
		Type:    jsii.String("Number"),
		Default: jsii.Number(100),
	})

	stream := awskinesis.NewStream(stack, jsii.String("Orders"), &awskinesis.StreamProps{ShardCount: jsii.Number(1)})
	dlq := awssqs.NewQueue(stack, jsii.String("Dlq"), nil)
	mapping := cdkstreamesm.NewStreamEventSourceMapping(stack, jsii.String("OrdersMapping"), &cdkstreamesm.StreamEventSourceMappingProps{
		Target:                    handler,
		Source:                    cdkstreamesm.StreamSource_Kinesis(stream),
		StartingPosition:          awslambda.StartingPosition_AT_TIMESTAMP,
		StartingPositionTimestamp: jsii.Number(1767225600),
		BatchSize:                 batchSize.ValueAsNumber(),
		RetryAttempts:             jsii.Number(3),
		MaxRecordAge:              awscdk.Duration_Hours(jsii.Number(1)),
		OnFailure:                 awslambdaeventsources.NewSqsDlq(dlq),
		Filters: &[]*map[string]interface{}{
			awslambda.FilterCriteria_Filter(&map[string]interface{}{
				"data": map[string]interface{}{"type": awslambda.FilterRule_IsEqual(jsii.String("order"))},
			}),
		},
	})

	consumer := awskinesis.NewStreamConsumer(stack, jsii.String("OrdersConsumer"), &awskinesis.StreamConsumerProps{
		Stream:             stream,
		StreamConsumerName: jsii.String("orders-consumer"),
	})
	cdkstreamesm.NewStreamEventSourceMapping(stack, jsii.String("ConsumerMapping"), &cdkstreamesm.StreamEventSourceMappingProps{
		Target:             handler,
		Source:             cdkstreamesm.StreamSource_KinesisConsumer(consumer),
		StartingPosition:   awslambda.StartingPosition_LATEST,
		BisectBatchOnError: jsii.Bool(true),
	})

	table := awsdynamodb.NewTable(stack, jsii.String("Table"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("pk"), Type: awsdynamodb.AttributeType_STRING},
		Stream:       awsdynamodb.StreamViewType_NEW_AND_OLD_IMAGES,
	})
	cdkstreamesm.NewStreamEventSourceMapping(stack, jsii.String("TableMapping"), &cdkstreamesm.StreamEventSourceMappingProps{
		Target:                  handler,
		Source:                  cdkstreamesm.StreamSource_DynamoDb(table),
		StartingPosition:        awslambda.StartingPosition_TRIM_HORIZON,
		MaxBatchingWindow:       awscdk.Duration_Seconds(jsii.Number(5)),
		ReportBatchItemFailures: jsii.Bool(true),
	})
	cdkstreamesm.NewStreamEventSourceMapping(stack, jsii.String("ImportedTableMapping"), &cdkstreamesm.StreamEventSourceMappingProps{
		Target: handler,
		Source: cdkstreamesm.StreamSource_FromDynamoDbStreamArn(
			jsii.String("arn:aws:dynamodb:us-east-1:123456789012:table/Legacy/stream/2026-01-01T00:00:00.000"), nil),
		StartingPosition: awslambda.StartingPosition_LATEST,
	})

	awscdk.NewCfnOutput(stack, jsii.String("OrdersMappingId"), &awscdk.CfnOutputProps{Value: mapping.EventSourceMappingId()})
	return app, stack, mapping
}

// asJSON round-trips a value through encoding/json so that both sides compare as plain maps, slices and float64s.
func asJSON(t *testing.T, value interface{}) interface{} {
	t.Helper()
	data, err := json.Marshal(value)
	if err != nil {
		t.Fatal(err)
	}
	var out interface{}
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTemplateEqualsTypeScriptTwin(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(referenceDir(), "reference.template.json"))
	if err != nil {
		t.Fatal(err)
	}
	var expected interface{}
	if err := json.Unmarshal(data, &expected); err != nil {
		t.Fatal(err)
	}
	app, _, _ := referenceStack()
	actual := asJSON(t, app.Synth(nil).GetStackByName(jsii.String("ReferenceStack")).Template())
	if !reflect.DeepEqual(expected, actual) {
		pretty, _ := json.MarshalIndent(actual, "", "  ")
		t.Fatalf("template differs from the TypeScript twin:\n%s", pretty)
	}
}

// synthPanic returns the error app.Synth panics with (jsii turns JavaScript errors into Go panics with an error value).
func synthPanic(t *testing.T, app awscdk.App) (message string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			err, isError := r.(error)
			if !isError {
				t.Fatalf("app.Synth panicked with a %T, not an error: %v", r, r)
			}
			message = err.Error()
		}
	}()
	app.Synth(nil)
	return ""
}

func TestAtTimestampOnDynamoDbStreamPanicsWithEsm103AndConstructPath(t *testing.T) {
	expected, err := os.ReadFile(filepath.Join(referenceDir(), "bad-stack.error.txt"))
	if err != nil {
		t.Fatal(err)
	}
	app := awscdk.NewApp(nil)
	stack := newStack(app, "BadStack")
	table := awsdynamodb.NewTable(stack, jsii.String("Table"), &awsdynamodb.TableProps{
		PartitionKey: &awsdynamodb.Attribute{Name: jsii.String("pk"), Type: awsdynamodb.AttributeType_STRING},
		Stream:       awsdynamodb.StreamViewType_NEW_IMAGE,
	})
	cdkstreamesm.NewStreamEventSourceMapping(stack, jsii.String("TableMapping"), &cdkstreamesm.StreamEventSourceMappingProps{
		Target:                    newHandler(stack),
		Source:                    cdkstreamesm.StreamSource_DynamoDb(table),
		StartingPosition:          awslambda.StartingPosition_AT_TIMESTAMP,
		StartingPositionTimestamp: jsii.Number(1767225600),
	})
	message := synthPanic(t, app)
	if message == "" {
		t.Fatal("app.Synth did not panic for AT_TIMESTAMP on a DynamoDB stream")
	}
	const line = "[BadStack/TableMapping] ESM103: startingPosition (StartingPosition) is not supported for a DynamoDB stream"
	if !strings.Contains(message, line) {
		t.Fatalf("panic message lacks %q:\n%s", line, message)
	}
	if !strings.Contains(message, string(expected)) {
		t.Fatalf("panic message lacks the TypeScript twin's message\n%s\nin\n%s", expected, message)
	}
}

func TestEventSourceMappingIdResolvesToRef(t *testing.T) {
	app, stack, mapping := referenceStack()
	logicalID := *stack.GetLogicalId(mapping.Node().DefaultChild().(awslambda.CfnEventSourceMapping))
	if logicalID != "OrdersMapping2D533D0F" {
		t.Fatalf("logical ID %q", logicalID)
	}
	if !*awscdk.Token_IsUnresolved(mapping.EventSourceMappingId()) {
		t.Fatal("EventSourceMappingId is not a token")
	}
	ref := map[string]interface{}{"Ref": logicalID}
	if got := asJSON(t, stack.Resolve(mapping.EventSourceMappingId())); !reflect.DeepEqual(got, ref) {
		t.Fatalf("EventSourceMappingId resolves to %v", got)
	}
	if kind := mapping.Source().Kind(); kind != cdkstreamesm.StreamSourceKind_KINESIS_STREAM {
		t.Fatalf("Source().Kind() = %v", kind)
	}
	template := asJSON(t, app.Synth(nil).GetStackByName(jsii.String("ReferenceStack")).Template()).(map[string]interface{})
	outputs := map[string]interface{}{"OrdersMappingId": map[string]interface{}{"Value": ref}}
	if !reflect.DeepEqual(template["Outputs"], outputs) {
		t.Fatalf("Outputs = %v", template["Outputs"])
	}
}
