-- The audit log: append-only. Updates and deletes are refused by a trigger, so even a bug in the
-- application (or a careless SQL session as the app's user) cannot rewrite who did what.
create schema if not exists audit;

create table audit.entry (
  id      bigint generated always as identity primary key,
  at      timestamptz not null,
  actor   text not null,
  action  text not null,
  target  text,
  detail  text,
  origin  text
);

create index entry_actor_idx on audit.entry (lower(actor), id desc);
create index entry_target_idx on audit.entry (target, id desc) where target is not null;
create index entry_at_idx on audit.entry (at);

create function audit.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only: % refused', tg_op;
end;
$$;

create trigger entry_append_only before update or delete on audit.entry
  for each row execute function audit.refuse_change();
