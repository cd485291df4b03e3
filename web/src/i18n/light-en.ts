/** English messages of the light pages; same keys as `light-da.ts`, the type checks that. */
import type { LightMessageKey } from './light-da.js';

export const lightEn: Record<LightMessageKey, string> = {
  'common.loading': 'Loading …',
  'common.starting': 'Starting Samspil …',
  'common.working': 'Working …',
  'common.retry': 'Try again',
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.save': 'Save',
  'common.edit': 'Edit',
  'common.archive': 'Archive',
  'common.restore': 'Restore',
  'common.dismiss': 'Hide',
  'common.accessibilityStatement': 'Accessibility statement',
  'common.tableScrolls': 'Scroll sideways to see every column →',
  'common.tableRegion': 'Table: {label}',
  'common.tooLong': 'At most {max} characters.',

  'survey.title': 'Survey',
  'survey.scale.1': 'Strongly disagree',
  'survey.scale.2': 'Disagree',
  'survey.scale.3': 'Neither agree nor disagree',
  'survey.scale.4': 'Agree',
  'survey.scale.5': 'Strongly agree',
  'survey.scale.dk': "Don't know",
  'survey.closed.title': 'The survey is closed',
  'survey.closed.body': 'It is no longer possible to answer. Thank you for your interest.',
  'survey.notFound.title': 'The link does not work',
  'survey.notFound.body':
    'We cannot find a survey for this link. Check that you used the whole link from your mail.',
  'survey.finished.title': 'You have already answered',
  'survey.finished.body': 'Your answers have been submitted. Thank you for your help!',
  'survey.ownUnit': '{name} (your own unit)',
  'survey.ownProfession': '{name} (your own profession)',
  'survey.done.title': 'Thank you for your answers',
  'survey.done.body': 'Your answers are saved and submitted. You can close the page now.',
  'survey.done.use':
    'The answers show where the collaboration between units works well and where it can improve.',
  'survey.done.use.profession':
    'The answers are used to see where collaboration between the professions works well and where it can improve.',
  'survey.done.protect':
    'Your answers are confidential. They are only shown combined for groups large enough that nobody can be recognised – never for you alone.',
  'survey.progress': 'Answered',
  'survey.progressText': '{answered} of {total} answered',
  'survey.saving': 'Saving …',
  'survey.saved': 'Saved',
  'survey.saveError': 'Not saved yet – we will try again.',
  'survey.resumed':
    'Welcome back. Your earlier answers are saved, and you continue where you left off.',
  'survey.intro.lead': 'The survey is about the collaboration on: {process}.',
  'survey.intro.how':
    'First you choose the units you work with, then you answer a few statements about each. Every answer is saved at once.',
  'survey.intro.how.profession':
    'First you choose the professions you work with, then answer a few statements about each. Every answer is saved at once.',
  'survey.intro.how.implementation':
    'You answer a few statements about how Én plan is used in your work. Answer them all; "Don\'t know" is an answer too. Every answer is saved at once.',
  'survey.implementation.title': 'Én plan in practice',
  'survey.implementation.hint': 'How much do you agree, or to what degree does the statement fit?',
  'survey.done.use.implementation':
    'The answers show how well Én plan has reached the daily work, and what can improve.',
  'survey.intro.privacyTitle': 'Your answers are confidential',
  'survey.intro.privacy':
    'Nobody can see what you answered. Results are only shown combined for groups with at least {n} responses.',
  'survey.intro.closes': 'You can answer until and including {date}.',
  'survey.start': 'Start',
  'survey.back': 'Back',
  'survey.next': 'Next',
  'survey.groups.title': 'Who do you work with?',
  'survey.groups.legend': 'Choose the units you work with',
  'survey.groups.hint': 'Choose all that apply. You can also choose your own unit.',
  'survey.groups.none': 'Choose at least one unit.',
  'survey.groups.legend.profession': 'Choose the professions you work with',
  'survey.groups.hint.profession':
    'Choose all that apply. You may also choose your own profession.',
  'survey.groups.none.profession': 'Choose at least one profession.',
  'survey.items.title': 'Unit {index} of {count}',
  'survey.items.titleAll': 'Your collaboration with the units',
  'survey.items.title.profession': 'Profession {index} of {count}',
  'survey.items.titleAll.profession': 'Your collaboration with the professions',
  'survey.items.hint':
    'How much do you agree with the statements about the collaboration on {process}?',
  'survey.leadership.title': 'Leadership',
  'survey.leadership.hint': 'Finally, a few statements about the leadership of the collaboration.',
  'survey.leadership.wording':
    'The statements on leadership are worded by Samspil, not by the researchers behind the method.',
  'survey.review.title': 'Submit your answers',
  'survey.review.complete': 'You have answered every question.',
  'survey.review.missing': '{count} still unanswered. You can submit anyway.',
  'survey.review.change': 'Go back if you want to change something.',
  'survey.submit': 'Submit answers',
  'survey.confirm.title': 'Submit your answers?',
  'survey.confirm.body': 'Once submitted, you cannot change your answers.',
  'survey.confirm.yes': 'Yes, submit',
};
