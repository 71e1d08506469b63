// The one list parser is in src/util (the tag engine reads its inputs with it too); build modules and
// the cache presets name it through here.
export { type ListInputOptions, type ListItem, parseListInput } from '../util/input-list.js';
