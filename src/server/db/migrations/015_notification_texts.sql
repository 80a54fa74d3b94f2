-- Words many notifications share. A cohort's notices of one offer read the same for everyone in it, so
-- they are kept once here rather than copied into every row: in four languages they were three
-- quarters of a notification's bytes, and of the write-ahead log a cohort writes. A notification has
-- texts of its own or a shared one (text_id). Shared texts are written in the transaction of the
-- notifications that use them and never changed or deleted; text_id has no foreign key, whose check
-- per row would cost a cohort more than the sharing saves.
CREATE TABLE notification_texts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title jsonb NOT NULL,
  body jsonb NOT NULL
);

ALTER TABLE notifications ADD COLUMN text_id uuid;

ALTER TABLE notifications ALTER COLUMN title DROP NOT NULL;

ALTER TABLE notifications ALTER COLUMN body DROP NOT NULL;

ALTER TABLE notifications ADD CONSTRAINT notifications_own_or_shared_texts
  CHECK ((title IS NOT NULL AND body IS NOT NULL) <> (text_id IS NOT NULL));
