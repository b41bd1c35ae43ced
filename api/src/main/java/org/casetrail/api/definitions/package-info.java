/**
 * The definition catalogue: registered versions, never changed once registered.
 */
package org.casetrail.api.definitions;
