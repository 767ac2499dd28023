-- The action logs of the legality, disputes, requests and oversight domains are append-only like
-- the enforcement logs (0096): status and due dates are derived from them, so they are never edited.
create trigger legality_review_action_append_only before update or delete on legality_review_action
  for each row execute function fazhi_append_only();
create trigger legality_document_event_append_only before update or delete on legality_document_event
  for each row execute function fazhi_append_only();
create trigger disputes_reconsideration_action_append_only before update or delete on disputes_reconsideration_action
  for each row execute function fazhi_append_only();
create trigger requests_action_append_only before update or delete on requests_action
  for each row execute function fazhi_append_only();
create trigger oversight_action_append_only before update or delete on oversight_action
  for each row execute function fazhi_append_only();
