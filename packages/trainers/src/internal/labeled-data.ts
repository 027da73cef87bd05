// Until @advkit/models has LabeledData and checkLabeledData (models/internal), the trainers' own.
export type { TrainingData as LabeledData } from '../training-data.js';
export { checkTrainingData as checkLabeledData } from '../training-data.js';
