/**
 * The synthetic demo: its history loaded through the ordinary import path, its publications, and its models built.
 */
package org.casetrail.api.demo;
