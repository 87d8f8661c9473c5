/**
 * Discoveries that need nothing beyond the JDK: a static endpoint list, for networks without broadcast
 * (VPNs, clouds, containers).
 */
package io.zre4j.core.discovery;
