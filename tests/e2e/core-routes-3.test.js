// Every route of the table, part 3 of 3 (the cases: lib/route-sweep.js).
import { sweep } from './lib/route-sweep.js';

sweep(3, 3);
