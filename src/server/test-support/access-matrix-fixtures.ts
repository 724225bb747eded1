/**
 * The objects the access matrix asks about, as ids: what access-matrix.ts's request bodies are
 * built from and access-matrix-runner.ts makes once per run.
 */

/** Ids of the objects a route is asked about, on one side (T: Thái Nguyên, K: Khánh Hòa). */
export interface Side {
  unit: number;
  province: number;
  user: number;
  grant: number;
  evidence: number;
  dossierCode: string;
  dossierJob: number;
  plan: number;
  task: number;
  supervision: number;
  finding: number;
  sipasCampaign: number;
}

export interface Fixtures {
  T: Side;
  K: Side;
  campaign: number;
  criteriaSet: number;
  questionnaire: number;
  templateType: string;
}
