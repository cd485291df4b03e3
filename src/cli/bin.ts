/** Entry point of the `samspil` command. */
import { main } from './main.js';

const code = await main(process.argv.slice(2));
// A failed serve exits now, without waiting for the app modules it was loading meanwhile.
if (process.argv[2] === 'serve' && code !== 0) process.exit(code);
if (process.argv[2] !== 'serve') process.exitCode = code;
