-- A masked message's writer and moderators search its whole text: the few masked messages get their own index.
CREATE INDEX messages_original_search_idx ON messages
    USING GIN (to_tsvector('simple', replace(original_content, '-', ' ')))
    WHERE original_content IS NOT NULL;
