import { brownfieldSuite } from './run-brownfield';

// The brownfield scenario against moto: accounts that already run Config, GuardDuty, ... taken over by
// lz import and the first apply (CI=true, LZ_EMULATOR=brownfield or all; about as long as the minimal example).
brownfieldSuite();
