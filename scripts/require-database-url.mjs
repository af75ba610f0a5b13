// `npm run test:pg` runs the e2e suite against a real PostgreSQL; without DATABASE_URL it would
// silently fall back to the embedded database, so refuse instead.
if (!process.env.DATABASE_URL) {
  process.stderr.write(
    'test:pg needs DATABASE_URL, e.g. DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/switchboard_test npm run test:pg\n',
  );
  process.exit(2);
}
