import { emulatorSuite } from './run-example';

// Applies examples/enterprise.yaml against moto (CI=true or LZ_EMULATOR=all; it takes minutes).
emulatorSuite('enterprise');
