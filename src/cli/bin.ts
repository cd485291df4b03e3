/** Entry point of the `samspil` command. */
import { main } from './main.js';

const code = await main(process.argv.slice(2));
if (process.argv[2] !== 'serve' || code !== 0) process.exitCode = code;
