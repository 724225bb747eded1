/**
 * A campaign as every campaign use-case works on it (loaded by `loadCampaign` in service.ts): its
 * row, frozen sets with their trees, assignments and the domain's set-up. A module of its own so
 * that the policy and the services share the type without importing each other.
 */
import type { CampaignSetup } from '../../../domain/campaign/setup.ts';
import type { CriteriaNode } from '../../../domain/scoring/tree.ts';
import type { NodeView } from '../criteria/service.ts';
import type * as repo from './repository.ts';

/** A campaign loaded for a use-case: its row, sets with their trees, assignments, domain set-up. */
export interface LoadedCampaign {
  row: repo.CampaignRow;
  sets: repo.CampaignSetRow[];
  /** Domain tree and the API's node view of each unit kind's set. */
  trees: Map<string, { tree: CriteriaNode; nodes: NodeView[] }>;
  assignments: repo.AssignmentRow[];
  setup: CampaignSetup;
}
