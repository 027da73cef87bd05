// A model autoAttackInWorkers cannot rebuild from options (a subclass of Mlp, so not exactly a built-in
// model): its workers build it with serveAutoAttackShards' modelFactory. Same logits as the Mlp.
import { Mlp } from '@advkit/models';

export class SubMlp extends Mlp {}
