import { runBuildBench } from './build';
console.log(runBuildBench());
