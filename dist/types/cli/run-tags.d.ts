import { type CommandContext } from './context.js';
/** `tags`: what a build would tag and label, and the build args it would pass; nothing is built. */
export declare function runTagsCommand(context: CommandContext): Promise<number>;
