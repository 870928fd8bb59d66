#!/usr/bin/env node
require('../dist/cli/ecs-guard.js');
