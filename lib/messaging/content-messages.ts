/**
 * The content script's check on messages from the background
 * ({@link ContentMessages}): the envelope, the type and the params' shape.
 */
import { settingsPatchProblem } from '@/lib/model/settings';
import { PROTOCOL_VERSION, type ContentRequest } from './protocol';
import { isRecord } from '@/lib/model/json-check';

/** True when `message` is a well-formed message to a content script. */
export function isContentRequest(message: unknown): message is ContentRequest {
  if (!isRecord(message) || message.dramatis !== PROTOCOL_VERSION) return false;
  const params = message.params;
  if (!isRecord(params)) return false;
  const type = message.type;
  if (
    type === 'nextMention' ||
    type === 'readPage' ||
    type === 'annotationsChanged' ||
    type === 'profilesChanged'
  )
    return true;
  if (type === 'quoteSaved' || type === 'showAnnotation') {
    return typeof params.annotationId === 'string' && params.annotationId.length > 0;
  }
  if (message.type !== 'settingsChanged' || !isRecord(params.settings)) return false;
  // Full settings pass the patch check too; the kinds must all be there.
  const settings = params.settings;
  return (
    settingsPatchProblem(settings) === null &&
    isRecord(settings.kinds) &&
    ['enabled', 'disabledSites', 'kinds', 'hoverDelayMs', 'clickMode'].every(
      (key) => key in settings,
    ) &&
    ['person', 'organization', 'place'].every((kind) => kind in (settings.kinds as object))
  );
}
