-- The demo accounts agree with what the shipped help center says about plans, so that the agent's account
-- card and its help-center answers never contradict each other. Chatting as a Free customer, the help center
-- said "up to 5 members, 3 active projects, 2 GB" while the account said "seats 1 of 1; storage 500 MB"; a
-- Team trial had a 30 USD invoice while the help center says a trial is of Business, without a card.

-- Free: 5 members, 3 active projects, 2 GB of shared storage.
update plan_limit set max_value = 5 where plan_code = 'free' and metric = 'seats';
update plan_limit set max_value = 2000 where plan_code = 'free' and metric = 'storage_mb';
-- Team: 100 GB per member, at its three seats. Business adds to Team, so it has no less per member.
update plan_limit set max_value = 300000 where plan_code = 'team' and metric = 'storage_mb';
update plan_limit set max_value = 1000000 where plan_code = 'business' and metric = 'storage_mb';

-- A project management product counts projects, not conversations: only the Free plan limits them.
delete from plan_limit where metric = 'conversations' and plan_code <> 'free';
update plan_limit set metric = 'projects', max_value = 3 where metric = 'conversations';
update customer_usage set metric = 'projects',
    used = case user_id when 'u-1004' then 2 when 'u-1010' then 1 else used / 400 end
where metric = 'conversations';

-- Every new workspace tries the Business plan for 14 days without a card: nothing is invoiced during it.
update customer set plan_code = 'business' where subscription_status = 'trialing';
delete from invoice_line where invoice_id in (
    select i.id from invoice i join customer c on c.user_id = i.user_id where c.subscription_status = 'trialing');
delete from invoice where user_id in (select user_id from customer where subscription_status = 'trialing');
