/**
 * The JSON codec of the decision API (API): strict readers that name the JSON path of any bad field, writers for
 * the shared documents (facts, classifications, obligations, actors, errors), and the command dispatcher that the
 * command line and the HTTP server share. Jackson is used here and nowhere else; domain types carry no JSON
 * annotations.
 */
@OpsStyle
package org.opsbook.json;

import org.opsbook.core.OpsStyle;
