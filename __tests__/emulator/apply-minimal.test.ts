import { emulatorSuite } from './run-example';

// Applies examples/minimal.yaml against moto (one file per example so jest runs them in parallel).
emulatorSuite('minimal');
