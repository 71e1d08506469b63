export { type ListInputOptions, type ListItem, parseListInput } from '../util/input-list.js';
