#!/usr/bin/env node
// The `image-build` command: the action's inputs as flags, the same library underneath.
import { processRunner } from '../util/exec.js';
import { startCli } from './process.js';

void startCli(process, processRunner);
