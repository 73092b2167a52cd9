import { installFerretDb } from './install';

installFerretDb().then(
  (bin) => console.log(bin),
  (err: unknown) => {
    console.error(`FerretDB install failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
