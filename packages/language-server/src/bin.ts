#!/usr/bin/env node
// `ottl-language-server [--stdio | --node-ipc | --socket=<port>]`: the OTTL language server.
import { startNodeServer } from './main-node.js';

startNodeServer();
