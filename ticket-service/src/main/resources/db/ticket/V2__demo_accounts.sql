-- Customer accounts: plans with limits, customers with subscriptions, usage and invoices.
-- The demo customers below are invented for this project (no real people or companies); dates are
-- relative to the first start so renewals and invoices always look current.

create table plan (
    code                text    primary key,
    name                text    not null,
    monthly_price_cents bigint  not null,
    currency            text    not null
);

create table plan_limit (
    plan_code text   not null references plan (code),
    metric    text   not null,
    max_value bigint not null,
    primary key (plan_code, metric)
);

create table customer (
    user_id             text        primary key,
    name                text        not null,
    email               text        not null,
    company             text,
    plan_code           text        not null references plan (code),
    subscription_status text        not null check (subscription_status in ('trialing', 'active', 'past_due', 'canceled')),
    renews_at           timestamptz,
    cancel_at_period_end boolean    not null default false,
    created_at          timestamptz not null
);

create table customer_usage (
    user_id      text   not null references customer (user_id),
    metric       text   not null,
    used         bigint not null,
    period_start date   not null,
    primary key (user_id, metric)
);

create table invoice (
    id          text        primary key,
    user_id     text        not null references customer (user_id),
    number      text        not null unique,
    issued_at   timestamptz not null,
    due_at      timestamptz not null,
    status      text        not null check (status in ('draft', 'open', 'paid', 'void', 'uncollectible')),
    currency    text        not null
);

create index invoice_by_user on invoice (user_id, issued_at desc);

create table invoice_line (
    invoice_id       text   not null references invoice (id),
    line_no          int    not null,
    description      text   not null,
    quantity         bigint not null,
    unit_price_cents bigint not null,
    primary key (invoice_id, line_no)
);

insert into plan (code, name, monthly_price_cents, currency) values
    ('free', 'Free', 0, 'USD'),
    ('starter', 'Starter', 2900, 'USD'),
    ('pro', 'Pro', 9900, 'USD'),
    ('enterprise', 'Enterprise', 49900, 'USD');

insert into plan_limit (plan_code, metric, max_value) values
    ('free', 'seats', 1), ('free', 'conversations', 100), ('free', 'api_calls', 1000), ('free', 'storage_mb', 500),
    ('starter', 'seats', 3), ('starter', 'conversations', 1000), ('starter', 'api_calls', 10000), ('starter', 'storage_mb', 5000),
    ('pro', 'seats', 10), ('pro', 'conversations', 10000), ('pro', 'api_calls', 100000), ('pro', 'storage_mb', 50000),
    ('enterprise', 'seats', 100), ('enterprise', 'conversations', 100000), ('enterprise', 'api_calls', 1000000),
    ('enterprise', 'storage_mb', 500000);

insert into customer (user_id, name, email, company, plan_code, subscription_status, renews_at, cancel_at_period_end, created_at) values
    ('u1',     'Demo Customer',  'demo@example.com',          'Demo Co',              'pro',        'active',   now() + interval '18 days', false, now() - interval '400 days'),
    ('u-1001', 'Avery Lindqvist', 'avery@lindqvist-tea.example', 'Lindqvist Tea House', 'pro',        'active',   now() + interval '12 days', false, now() - interval '540 days'),
    ('u-1002', 'Bashir Okafor',   'bashir@okafor-labs.example',  'Okafor Labs',         'starter',    'active',   now() + interval '3 days',  false, now() - interval '200 days'),
    ('u-1003', 'Chen Mei',        'mei@brightpaper.example',     'Brightpaper',         'enterprise', 'active',   now() + interval '170 days', false, now() - interval '900 days'),
    ('u-1004', 'Dario Ferraz',    'dario@ferraz.example',        null,                  'free',       'active',   null,                       false, now() - interval '30 days'),
    ('u-1005', 'Elif Yilmaz',     'elif@northwind-bikes.example', 'Northwind Bikes',    'pro',        'past_due', now() - interval '4 days',  false, now() - interval '300 days'),
    ('u-1006', 'Farah Haddad',    'farah@quietharbor.example',   'Quiet Harbor',        'starter',    'trialing', now() + interval '9 days',  false, now() - interval '5 days'),
    ('u-1007', 'Gustav Berg',     'gustav@bergmetal.example',    'Berg Metalworks',     'pro',        'active',   now() + interval '25 days', true,  now() - interval '720 days'),
    ('u-1008', 'Hana Sato',       'hana@satostudio.example',     'Sato Studio',         'starter',    'canceled', null,                       false, now() - interval '450 days'),
    ('u-1009', 'Ivan Petrov',     'ivan@petrov-logistics.example', 'Petrov Logistics',  'enterprise', 'active',   now() + interval '60 days', false, now() - interval '1100 days'),
    ('u-1010', 'Julia Romano',    'julia@romano.example',        null,                  'free',       'active',   null,                       false, now() - interval '90 days');

insert into customer_usage (user_id, metric, used, period_start) values
    ('u1', 'seats', 4, date_trunc('month', now())::date), ('u1', 'conversations', 2310, date_trunc('month', now())::date),
    ('u1', 'api_calls', 41200, date_trunc('month', now())::date), ('u1', 'storage_mb', 12800, date_trunc('month', now())::date),
    ('u-1001', 'seats', 8, date_trunc('month', now())::date), ('u-1001', 'conversations', 9120, date_trunc('month', now())::date),
    ('u-1001', 'api_calls', 65400, date_trunc('month', now())::date), ('u-1001', 'storage_mb', 20400, date_trunc('month', now())::date),
    ('u-1002', 'seats', 3, date_trunc('month', now())::date), ('u-1002', 'conversations', 1000, date_trunc('month', now())::date),
    ('u-1002', 'api_calls', 7200, date_trunc('month', now())::date), ('u-1002', 'storage_mb', 900, date_trunc('month', now())::date),
    ('u-1003', 'seats', 61, date_trunc('month', now())::date), ('u-1003', 'conversations', 48000, date_trunc('month', now())::date),
    ('u-1003', 'api_calls', 512000, date_trunc('month', now())::date), ('u-1003', 'storage_mb', 210000, date_trunc('month', now())::date),
    ('u-1004', 'seats', 1, date_trunc('month', now())::date), ('u-1004', 'conversations', 87, date_trunc('month', now())::date),
    ('u-1004', 'api_calls', 140, date_trunc('month', now())::date), ('u-1004', 'storage_mb', 35, date_trunc('month', now())::date),
    ('u-1005', 'seats', 6, date_trunc('month', now())::date), ('u-1005', 'conversations', 3100, date_trunc('month', now())::date),
    ('u-1005', 'api_calls', 22000, date_trunc('month', now())::date), ('u-1005', 'storage_mb', 8000, date_trunc('month', now())::date),
    ('u-1006', 'seats', 2, date_trunc('month', now())::date), ('u-1006', 'conversations', 45, date_trunc('month', now())::date),
    ('u-1006', 'api_calls', 300, date_trunc('month', now())::date), ('u-1006', 'storage_mb', 12, date_trunc('month', now())::date),
    ('u-1007', 'seats', 10, date_trunc('month', now())::date), ('u-1007', 'conversations', 7600, date_trunc('month', now())::date),
    ('u-1007', 'api_calls', 99000, date_trunc('month', now())::date), ('u-1007', 'storage_mb', 31000, date_trunc('month', now())::date),
    ('u-1008', 'seats', 0, date_trunc('month', now())::date), ('u-1008', 'conversations', 0, date_trunc('month', now())::date),
    ('u-1008', 'api_calls', 0, date_trunc('month', now())::date), ('u-1008', 'storage_mb', 1500, date_trunc('month', now())::date),
    ('u-1009', 'seats', 88, date_trunc('month', now())::date), ('u-1009', 'conversations', 71000, date_trunc('month', now())::date),
    ('u-1009', 'api_calls', 880000, date_trunc('month', now())::date), ('u-1009', 'storage_mb', 402000, date_trunc('month', now())::date),
    ('u-1010', 'seats', 1, date_trunc('month', now())::date), ('u-1010', 'conversations', 12, date_trunc('month', now())::date),
    ('u-1010', 'api_calls', 0, date_trunc('month', now())::date), ('u-1010', 'storage_mb', 4, date_trunc('month', now())::date);

-- Three monthly invoices for every paying customer (the newest one first), plus a few extra lines.
insert into invoice (id, user_id, number, issued_at, due_at, status, currency)
select 'inv-' || c.user_id || '-' || m.months_ago,
       c.user_id,
       'INV-' || upper(replace(c.user_id, '-', '')) || '-' || lpad((3 - m.months_ago)::text, 3, '0'),
       date_trunc('month', now()) - make_interval(months => m.months_ago),
       date_trunc('month', now()) - make_interval(months => m.months_ago) + interval '14 days',
       case
           when c.subscription_status = 'past_due' and m.months_ago = 0 then 'uncollectible'
           when m.months_ago = 0 and c.subscription_status <> 'canceled' then 'open'
           else 'paid'
       end,
       p.currency
from customer c
join plan p on p.code = c.plan_code
cross join (values (0), (1), (2)) as m (months_ago)
where p.monthly_price_cents > 0
  and not (c.subscription_status = 'canceled' and m.months_ago = 0)
  and not (c.subscription_status = 'trialing' and m.months_ago > 0);

insert into invoice_line (invoice_id, line_no, description, quantity, unit_price_cents)
select i.id, 1, p.name || ' plan, monthly subscription', 1, p.monthly_price_cents
from invoice i
join customer c on c.user_id = i.user_id
join plan p on p.code = c.plan_code;

insert into invoice_line (invoice_id, line_no, description, quantity, unit_price_cents) values
    ('inv-u1-0', 2, 'Additional seats', 2, 1500),
    ('inv-u-1001-0', 2, 'Additional seats', 1, 1500),
    ('inv-u-1001-1', 2, 'API overage (per 1,000 calls)', 12, 40),
    ('inv-u-1003-0', 2, 'Premium support add-on', 1, 19900),
    ('inv-u-1005-0', 2, 'Late payment fee', 1, 1000),
    ('inv-u-1009-0', 2, 'Dedicated onboarding session', 3, 25000);
