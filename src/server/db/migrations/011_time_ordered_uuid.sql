-- UUIDs that begin with the time in milliseconds (the layout of UUID version 7): rows made together get
-- neighbouring keys, so a cohort's million inserts append to the right edge of the primary key index
-- instead of touching a random page of it each. The rest is random, as in gen_random_uuid().
CREATE FUNCTION time_ordered_uuid() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;
