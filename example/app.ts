/**
 * The example app: `npx cdk synth` from the project root synthesizes it (cdk.json).
 */
import { App } from 'aws-cdk-lib';
import { OrdersPipelineStack } from './orders-pipeline-stack';

const app = new App();
new OrdersPipelineStack(app, 'OrdersPipeline');
app.synth();
