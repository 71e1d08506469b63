import type { CommandContext } from './context.js';
export interface ReportCommandOptions {
    image: string;
    baseline?: string;
    platform?: string;
}
/** Checks the flags of `report`: the images are references the registry can answer for. */
export declare function readReportFlags(context: CommandContext): ReportCommandOptions;
/** `report`: the image report of a published image. */
export declare function runReportCommand(context: CommandContext): Promise<number>;
