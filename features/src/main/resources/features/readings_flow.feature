@readings
Feature: Readings flow from the device to the server
  A bench tester trusts the server's store only if it holds every reading the device says it
  sent, once, with the values the device measured: the device's own record (its serial log on
  a board, the ledger of a simulated node) is the ground truth the store is held against.

  Background:
    Given a server is receiving readings

  Scenario: What the server stored matches what the device logged
    Given a device reporting every 100 ms
    When the device has sent 8 readings
    Then the server has stored every reading the device sent, exactly once
    And the server counted no duplicate and no malformed line for the device
    And every gap the server counted is a reading the device says it never sent

  Scenario: Acknowledged readings are stored before the device lets go of them
    Given a device reporting every 100 ms in acknowledged mode
    When the device has sent 8 readings
    Then the server has stored every reading the device sent, exactly once
    And the server has acknowledged every reading it stored from the device

  @needs-sensor-control
  Scenario: The server stores what the sensor measured
    Given a device reporting every 100 ms
    And the sensor measures 23.4 °C and 56 % humidity
    When the device has sent 3 more readings
    Then the latest reading the server stored from the device is 23.4 °C and 56 % humidity
