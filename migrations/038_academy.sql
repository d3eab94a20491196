-- The academy: lessons for shopkeepers in sections, who finished which, and a Q&A board.
-- Owned by the academy module. Lesson bodies are plain text (paragraphs split by blank lines),
-- rendered as text, never as HTML.
CREATE TABLE academy_sections (
  id         text PRIMARY KEY,
  title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  position   integer     NOT NULL CHECK (position >= 0),
  created_at timestamptz NOT NULL
);

CREATE TABLE academy_lessons (
  id         text PRIMARY KEY,
  section_id text        NOT NULL REFERENCES academy_sections (id),
  title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 160),
  body       text        NOT NULL CHECK (length(body) <= 20000),
  video_url  text        CHECK (video_url LIKE 'https://%' AND length(video_url) <= 500),
  minutes    integer     NOT NULL CHECK (minutes BETWEEN 0 AND 600),
  position   integer     NOT NULL CHECK (position >= 0),
  published  boolean     NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX academy_lessons_section ON academy_lessons (section_id, position);

-- One completion per person and lesson: the key makes finishing twice (or twice at once) one row,
-- and the first insert is the one that publishes lesson.completed.
CREATE TABLE academy_completions (
  user_id      text        NOT NULL REFERENCES users (id),
  lesson_id    text        NOT NULL REFERENCES academy_lessons (id),
  completed_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, lesson_id)
);
CREATE INDEX academy_completions_lesson ON academy_completions (lesson_id);

CREATE TABLE academy_questions (
  id             text PRIMARY KEY,
  author_id      text        NOT NULL REFERENCES users (id),
  title          text        NOT NULL CHECK (length(title) BETWEEN 1 AND 160),
  body           text        NOT NULL CHECK (length(body) <= 5000),
  best_answer_id text,
  hidden         boolean     NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  edited_at      timestamptz
);
CREATE INDEX academy_questions_newest ON academy_questions (created_at DESC, id DESC);

CREATE TABLE academy_answers (
  id          text PRIMARY KEY,
  question_id text        NOT NULL REFERENCES academy_questions (id) ON DELETE CASCADE,
  author_id   text        NOT NULL REFERENCES users (id),
  body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  hidden      boolean     NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL,
  edited_at   timestamptz,
  UNIQUE (question_id, id)
);
CREATE INDEX academy_answers_question ON academy_answers (question_id, created_at);

-- The best answer is one of the question's own answers (the composite key), and deleting it
-- clears the mark.
ALTER TABLE academy_questions
  ADD CONSTRAINT academy_questions_best_answer
  FOREIGN KEY (id, best_answer_id) REFERENCES academy_answers (question_id, id)
  ON DELETE SET NULL (best_answer_id);

-- One vote per person per answer, enforced here: two votes at once are one row.
CREATE TABLE academy_votes (
  answer_id  text        NOT NULL REFERENCES academy_answers (id) ON DELETE CASCADE,
  user_id    text        NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (answer_id, user_id)
);
