-- A support room's customer is kept like a store room's: read ticks and titles tell the customer from the agents.
-- Rooms opened before this were opened by their customer unless an agent opened them.
UPDATE rooms
   SET customer_id = created_by
 WHERE room_type = 'customer_support'
   AND customer_id IS NULL
   AND created_by IN (SELECT id FROM users WHERE roles NOT LIKE '%moderator%' AND roles NOT LIKE '%admin%');
