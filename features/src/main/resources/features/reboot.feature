@reboot
Feature: A reboot is a reboot, not duplicates
  After a reboot a device counts its readings from 0 again. The server must see a new boot of
  the same device, not the same readings a second time, and keep both boots' readings.

  Background:
    Given a server is receiving readings

  Scenario: A device that reboots starts a new boot on the server
    Given a device reporting every 200 ms
    When the device has sent 5 readings
    And the device reboots
    And the device has sent 5 readings since it rebooted
    Then the server counted 1 reboot and no duplicate for the device
    And the server has stored readings of 2 boots of the device, each from the first reading it sent
    And the server has stored every reading the device sent, exactly once

  Scenario: A classroom sketch that restarts is recognised by its seq and uptime going back
    Given a classroom sketch connected to the server
    When it sends these lines, each ended by CR LF:
      | 0,1000,21.0,40.0  |
      | 1,6000,21.1,40.1  |
      | 2,11000,21.2,40.2 |
    And it restarts and sends these lines, each ended by CR LF:
      | 0,900,21.3,40.3   |
      | 1,5900,21.4,40.4  |
    Then the server counted 1 reboot and no duplicate for the sketch
    And the server has stored 5 readings from the sketch's address, in 2 boots
