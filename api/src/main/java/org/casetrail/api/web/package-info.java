/**
 * Where HTTP starts: the controllers, the figure endpoints registered from the catalogue, the OpenAPI
 * document and RFC 9457 problem answers.
 */
package org.casetrail.api.web;
