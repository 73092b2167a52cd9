import { installFerretDb } from '../infra/ferretdb-install';

installFerretDb().then(
  (bin) => console.log(bin),
  (err: unknown) => {
    console.error(`FerretDB install failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
