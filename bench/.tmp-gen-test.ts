import { generate } from "./bench/generate";

const n = Number(process.argv[2]);
const r = await generate(`bench/.tmp/test-${n}.db`, n);
console.log(r);
