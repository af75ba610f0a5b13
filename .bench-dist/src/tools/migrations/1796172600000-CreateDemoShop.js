/**
 * The demo shop behind the example tools: customers, orders, refunds, callbacks, with a little
 * seed data in tenants `acme` and `globex`. Refunds and callbacks carry the pipeline's idempotency
 * key, so a resumed execution cannot create a second row.
 *
 * Databases migrated before the demo had a chain of its own got these tables (same definitions,
 * same seed) from the product's `CreateDemoDomain1795617000000`; there this migration adopts them
 * and changes nothing, hence `IF NOT EXISTS` and `ON CONFLICT DO NOTHING`.
 */ export class CreateDemoShop1796172600000 {
    async up(queryRunner) {
        await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS demo_customers (
        id         text PRIMARY KEY,
        tenant_id  text NOT NULL,
        user_id    text UNIQUE,
        name       text NOT NULL,
        email      text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
        await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS demo_orders (
        number      text PRIMARY KEY,
        tenant_id   text NOT NULL,
        customer_id text NOT NULL REFERENCES demo_customers (id),
        status      text NOT NULL CHECK (status IN ('processing', 'shipped', 'delivered', 'cancelled')),
        total_usd   numeric(10, 2) NOT NULL CHECK (total_usd >= 0),
        items       jsonb NOT NULL,
        placed_at   timestamptz NOT NULL
      )`);
        await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS demo_refunds (
        id              text PRIMARY KEY,
        order_number    text NOT NULL REFERENCES demo_orders (number),
        amount_usd      numeric(10, 2) NOT NULL,
        reason          text NOT NULL,
        reverses        text UNIQUE REFERENCES demo_refunds (id),
        idempotency_key text UNIQUE,
        created_by      text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
        await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS demo_callbacks (
        id              text PRIMARY KEY,
        tenant_id       text NOT NULL,
        user_id         text NOT NULL,
        at              timestamptz NOT NULL,
        phone           text NOT NULL,
        topics          text[] NOT NULL,
        note            text,
        status          text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        idempotency_key text UNIQUE,
        created_at      timestamptz NOT NULL DEFAULT now()
      )`);
        await queryRunner.query(`
      INSERT INTO demo_customers (id, tenant_id, user_id, name, email) VALUES
        ('cus_alice', 'acme', 'alice', 'Alice Archer', 'alice@example.com'),
        ('cus_bob', 'acme', 'bob', 'Bob Baker', 'bob@example.com'),
        ('cus_carol', 'globex', 'carol', 'Carol Chen', 'carol@example.org')
      ON CONFLICT DO NOTHING`);
        await queryRunner.query(`
      INSERT INTO demo_orders (number, tenant_id, customer_id, status, total_usd, items, placed_at) VALUES
        ('10042', 'acme', 'cus_alice', 'shipped', 59.90,
         '[{"sku":"MUG-01","name":"Enamel mug","qty":2}]', '2026-11-18T10:00:00Z'),
        ('10043', 'acme', 'cus_alice', 'processing', 249.00,
         '[{"sku":"KETTLE-7","name":"Gooseneck kettle","qty":1}]', '2026-11-23T15:30:00Z'),
        ('20001', 'acme', 'cus_bob', 'delivered', 120.00,
         '[{"sku":"GRIND-3","name":"Burr grinder","qty":1}]', '2026-11-02T09:12:00Z'),
        ('30001', 'globex', 'cus_carol', 'delivered', 35.50,
         '[{"sku":"FILTER-100","name":"Paper filters","qty":5}]', '2026-10-30T08:00:00Z')
      ON CONFLICT DO NOTHING`);
    }
    async down(queryRunner) {
        await queryRunner.query(`DROP TABLE IF EXISTS demo_callbacks, demo_refunds, demo_orders, demo_customers`);
    }
    constructor(){
        this.name = 'CreateDemoShop1796172600000';
    }
}

//# sourceMappingURL=1796172600000-CreateDemoShop.js.map