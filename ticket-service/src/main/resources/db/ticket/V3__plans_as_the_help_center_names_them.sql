-- The demo plans take the names the shipped knowledge base gives them (Free, Team, Business, Enterprise),
-- so that what the agent says about an account and what the help center says about plans agree. The first
-- demo data called them Starter and Pro. Prices follow the help center's monthly prices per member at
-- each plan's seat limit: Team 3 x 10 USD, Business 10 x 18 USD.
insert into plan (code, name, monthly_price_cents, currency) values
    ('team', 'Team', 3000, 'USD'),
    ('business', 'Business', 18000, 'USD');

insert into plan_limit (plan_code, metric, max_value)
select 'team', metric, max_value from plan_limit where plan_code = 'starter';
insert into plan_limit (plan_code, metric, max_value)
select 'business', metric, max_value from plan_limit where plan_code = 'pro';

update customer set plan_code = 'team' where plan_code = 'starter';
update customer set plan_code = 'business' where plan_code = 'pro';

update invoice_line set description = 'Team plan, monthly subscription', unit_price_cents = 3000
where description = 'Starter plan, monthly subscription';
update invoice_line set description = 'Business plan, monthly subscription', unit_price_cents = 18000
where description = 'Pro plan, monthly subscription';

delete from plan_limit where plan_code in ('starter', 'pro');
delete from plan where code in ('starter', 'pro');
