#!/usr/bin/env node
// placeholder: wired by the integration step
