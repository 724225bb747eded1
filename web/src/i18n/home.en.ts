/** English texts of the home page (`en.home`). */
export const homeEn = {
  nav: 'To do',
  title: 'To do',
  intro:
    'What is waiting for you, overdue first, then by nearest deadline. Select an item to do it now.',
  empty: 'Nothing is waiting for you right now.',
  due: 'Due: {{date}}',
  noDue: 'No deadline',
  overdue: 'Overdue',
  list: 'To-do list',
  asRole: 'As {{role}}',
  fieldApp: {
    title: 'Survey collection app for phones',
    text: 'Scan the QR code with a phone to open the app, then choose "Add to Home screen" to install it. The app keeps forms on the device while offline and sends each form exactly once.',
    open: 'Open the collection app',
    qr: 'QR code opening the collection app: {{url}}',
  },
  task: {
    self_assessment: 'Self-assessment of {{unit}}: {{done}}/{{total}} sub-criteria scored',
    submit:
      'Submit the self-assessment of {{unit}}: {{left}}/{{total}} sub-criteria not scored yet',
    explain:
      'Explain the appraisal findings of {{unit}}: {{count}}/{{total}} findings not explained yet',
    appraise_round1: 'Round 1 appraisal: {{count}} sub-criteria waiting for your score',
    appraise_round2: 'Round 2 appraisal: {{count}} findings waiting for your decision',
    close_round1: 'Close round 1: {{count}} units',
    approve: 'Approve results: {{count}} units',
    publish: 'Publish results: {{count}} approved units',
    campaign_progress:
      'Progress: {{submitted}}/{{total}} units submitted their self-assessment, {{published}} published',
    late_units: 'Units late with their self-assessment: {{count}} not submitted',
    campaign_setup: 'Finish setting up and open the campaign',
    social_survey:
      'Sociological survey open: {{responses}} questionnaires received; see the progress',
    plan_task: 'Task assigned to you in the remediation plan of {{unit}}',
    plan_tasks_due:
      'Remediation plan of {{unit}}: {{late}} tasks overdue, {{due}} tasks due in the next {{days}} days',
    supervision:
      'Supervision of {{unit}}: {{findings}} findings, {{withoutTask}} not yet turned into remediation tasks',
    sipas_collect: 'Collect survey forms in {{unit}}: {{answers}} forms so far',
    accounts:
      'Accounts: {{total}} accounts, {{locked}} temporarily locked, {{mustChange}} waiting for a password change, {{withoutRole}} without a role, {{disabled}} disabled',
    health:
      'System health: {{storage}}; {{pendingChecks}} files waiting to be read, {{unreadableChecks}} unreadable files, {{interruptedImports}} interrupted dossier imports',
    outbox: 'Outbox: {{mails}} e-mails kept because no mail server (SMTP) is configured',
    storageOk: 'file storage working',
    storageDown: 'file storage NOT reachable',
  },
};
