import { accountMovesSuite } from './run-account-moves';

// An organization applied with every account in the management stack, then moved into account stacks, against moto.
accountMovesSuite();
