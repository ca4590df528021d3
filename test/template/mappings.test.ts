import { nestedTemplates, propertyLocation, templateMappings } from '../../lib/template/mappings';
import { StreamSourceKind } from '../../lib/template/stream-source-kind';

describe('templateMappings', () => {
  test('a SAM function\'s Kinesis and DynamoDB events are the mappings SAM makes of them; other mapping events are skipped', () => {
    const resources = {
      Stream: { Type: 'AWS::Kinesis::Stream' },
      Fn: {
        Type: 'AWS::Serverless::Function',
        Properties: {
          AutoPublishAlias: 'live',
          Events: {
            Orders: {
              Type: 'Kinesis',
              Properties: {
                Stream: { 'Fn::GetAtt': ['Stream', 'Arn'] },
                StartingPosition: 'LATEST',
                DestinationConfig: { OnFailure: { Type: 'SQS', Destination: 'arn:aws:sqs:us-east-1:123456789012:q' } },
              },
            },
            Changes: { Type: 'DynamoDB', Properties: { Stream: { Ref: 'Param' }, StartingPosition: 'LATEST' } },
            NoStream: { Type: 'DynamoDB', Properties: { StartingPosition: 'LATEST' } },
            Jobs: { Type: 'SQS', Properties: { Queue: 'arn:aws:sqs:us-east-1:123456789012:q' } },
            Api: { Type: 'Api', Properties: {} },
            Broken: 'not an event',
          },
        },
      },
      Plain: { Type: 'AWS::Serverless::Function', Properties: { Events: { E: { Type: 'Kinesis' } } } },
      NotAResource: 7,
    };
    const alias = { Ref: 'FnAliaslive' };
    expect(templateMappings(resources)).toEqual({
      skipped: 1,
      mappings: [
        {
          logicalId: 'Fn',
          samEvent: 'Orders',
          properties: {
            FunctionName: alias,
            EventSourceArn: { 'Fn::GetAtt': ['Stream', 'Arn'] },
            StartingPosition: 'LATEST',
            DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:q' } },
          },
          source: { kind: StreamSourceKind.KINESIS_STREAM },
        },
        { logicalId: 'Fn', samEvent: 'Changes', properties: { FunctionName: alias, EventSourceArn: { Ref: 'Param' }, StartingPosition: 'LATEST' }, source: { kind: StreamSourceKind.DYNAMODB_STREAM } },
        { logicalId: 'Fn', samEvent: 'NoStream', properties: { FunctionName: alias, StartingPosition: 'LATEST' }, source: { kind: StreamSourceKind.DYNAMODB_STREAM } },
        { logicalId: 'Plain', samEvent: 'E', properties: { FunctionName: { Ref: 'Plain' } }, source: { kind: StreamSourceKind.KINESIS_STREAM } },
      ],
    });
  });

  test('an AWS::Lambda::EventSourceMapping of unknown source is skipped; one without Properties is read as empty', () => {
    expect(templateMappings({
      Imported: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::ImportValue': 'x' } } },
      Empty: { Type: 'AWS::Lambda::EventSourceMapping' },
    })).toEqual({ mappings: [], skipped: 2 });
  });
});

describe('propertyLocation', () => {
  test.each<[string | undefined, string, Array<string | number>]>([
    [undefined, 'BatchSize', ['Properties', 'BatchSize']],
    [undefined, 'FilterCriteria.Filters[2].Pattern', ['Properties', 'FilterCriteria', 'Filters', 2, 'Pattern']],
    ['Orders', 'EventSourceArn', ['Properties', 'Events', 'Orders', 'Properties', 'Stream']],
    ['Orders', 'DestinationConfig.OnFailure.Destination', ['Properties', 'Events', 'Orders', 'Properties', 'DestinationConfig', 'OnFailure', 'Destination']],
  ])('event %s, %s', (samEvent, path, expected) => {
    expect(propertyLocation({ samEvent }, path)).toEqual(expected);
  });
});

describe('nestedTemplates', () => {
  test('the asset paths of nested stacks', () => {
    expect(nestedTemplates({
      Resources: {
        Nested: { Type: 'AWS::CloudFormation::Stack', Metadata: { 'aws:asset:path': 'ParentNested1A2B3C4D.nested.template.json' } },
        Other: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://example.com/t.json' } },
        Bucket: { Type: 'AWS::S3::Bucket', Metadata: { 'aws:asset:path': 'asset.zip' } },
      },
    })).toEqual(['ParentNested1A2B3C4D.nested.template.json']);
    expect(nestedTemplates({})).toEqual([]);
  });
});
