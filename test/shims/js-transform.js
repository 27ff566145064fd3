/* The prelude of ts-transform.js for plain JavaScript modules (jest.config.js: @stdlib's special functions). */
"use strict";
module.exports = require("./ts-transform").plain;
