-- What the agent remembers about each conversation between turns: who holds it (the AI, a human, or
-- nobody yet while waiting for one), the step of a multi-turn action in progress, recent intents,
-- messages and sentiment. One row per conversation; `version` guards against lost updates when a
-- turn and a handoff event change the same conversation at once.
CREATE TABLE conversation_state (
    conversation_id TEXT PRIMARY KEY,
    user_id         TEXT        NOT NULL,
    identity_type   TEXT        NOT NULL,
    mode            TEXT        NOT NULL CHECK (mode IN ('ai', 'waiting_for_human', 'human')),
    handoff_id      TEXT,
    memo            JSONB       NOT NULL,
    version         BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Ticket updates go to the user's most recently active conversation.
CREATE INDEX conversation_state_user_recent ON conversation_state (user_id, updated_at DESC);
