-- Full-text search over message text. 'simple': no stemming, so it works the same for every language a
-- marketplace's customers write in; words match by prefix at query time. Hyphens become spaces first: the parser
-- reads "ORD-1001" as "ord" and the negative number "-1001", and a search for 1001 would miss it.
CREATE INDEX messages_search_idx ON messages USING GIN (to_tsvector('simple', replace(content, '-', ' ')));
